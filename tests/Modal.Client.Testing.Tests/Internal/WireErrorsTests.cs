using Modal.Client.Testing.Internal;

namespace Modal.Client.Testing.Tests.Internal;

public sealed class WireErrorsTests
{
    [Theory]
    [InlineData("SDXL InstantID essential nodes not loaded: X", 503)]
    [InlineData("ComfyUI returned HTTP 503", 503)]
    [InlineData("Failed to queue workflow: HTTP 400 - bad", 400)]
    [InlineData("Bad Request from server", 400)]
    [InlineData("Workflow execution failed", 500)]
    public void RouteStatus_Message_PicksStatusBySubstring(string message, int status)
    {
        Assert.Equal(status, WireErrors.RouteStatus(new AppError("Exception", message)));
    }

    [Fact]
    public void RouteStatus_HttpException_KeepsItsCode()
    {
        Assert.Equal(400, WireErrors.RouteStatus(AppError.Http(400, "reference_image is required (503)")));
    }

    [Theory]
    [InlineData("SeedVR2 models not found", 404)]
    [InlineData("SeedVR2 execution failed (API: HTTP 400)", 400)]
    [InlineData("Missing 'image' field in request. Provide base64-encoded image.", 500)]
    public void SeedVr2Status_Message_PicksStatusBySubstring(string message, int status)
    {
        Assert.Equal(status, WireErrors.SeedVr2Status(new AppError("ValueError", message)));
    }
}
