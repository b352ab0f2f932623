#region testing-xunit-class
using Microsoft.Extensions.DependencyInjection;
using Modal.Client;
using Modal.Client.Testing;

public sealed class ModalFakeTests : IAsyncLifetime
{
    private FakeModalDeployment fake = null!;
    private ServiceProvider services = null!;
    private IModalClient modal = null!;

    public Task InitializeAsync()
    {
        // 1. Start the fake: every app on one loopback port. Each test class instance gets its own.
        fake = FakeModalDeployment.Start();

        // 2. Register the client against it, as production code registers it against a workspace.
        var collection = new ServiceCollection();
        collection.AddModalClient(options =>
        {
            options.UseFakeDeployment(fake);
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10); // keep retried tests fast
        });
        services = collection.BuildServiceProvider();
        modal = services.GetRequiredService<IModalClient>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task Danrisi_Prompt_ReturnsPngAndSendsThePrompt()
    {
        // 3. Call.
        var image = await modal.ZImage.DanrisiAsync(new ZImageDanrisiRequest { Prompt = "a red fox", Width = 320, Height = 256, Seed = 7 });

        Assert.Equal("image/png", image.MediaType);          // the server labelled it image/jpeg
        Assert.Equal(320, image.Width);
        Assert.Equal(7L, image.Seed);

        // 4. Read the journal: lists are plural nouns, numbers end in Count.
        Assert.Equal(1, fake.Journal.CallCount("/z-image-danrisi"));
        var sent = fake.Journal.Calls("/z-image-danrisi")[0].BodyAsJson()!;
        Assert.Equal("a red fox", (string?)sent["prompt"]);
        Assert.Equal(0, fake.Journal.PollCount("/z-image-danrisi"));
    }

    [Fact]
    public async Task FluxDev_WorkflowFails_ThrowsAndSaysGpuWorkRan()
    {
        // 5. Inject a fault: the next call on /flux-dev fails inside the ComfyUI graph.
        fake.Endpoint("/flux-dev").Inject(FakeFault.WorkflowFailure);

        var error = await Assert.ThrowsAsync<ModalApiException>(
            () => modal.Flux.DevAsync(new FluxDevRequest { Prompt = "a fox" }));

        Assert.True(error.GpuWorkMayHaveRun);                 // it may be billed
        Assert.Equal(1, fake.Journal.GpuRunCount("/flux-dev"));
    }

    [Fact]
    public async Task FluxDev_ServiceUnavailableOnce_IsRetriedWithoutASecondGpuRun()
    {
        // A plain-text 503 from Modal's platform starts no GPU work, so the SDK retries it on its own.
        fake.Endpoint("/flux-dev").Inject(FakeFault.ServiceUnavailable);

        var image = await modal.Flux.DevAsync(new FluxDevRequest { Prompt = "a fox", Width = 64, Height = 64 });

        Assert.Equal(1, image.Retries);
        Assert.Equal(2, fake.Journal.CallCount("/flux-dev"));
        Assert.Equal(1, fake.Journal.GpuRunCount("/flux-dev"));
    }

    [Fact]
    public async Task FaceSwapAndInpaint_FakeMedia_AreAccepted()
    {
        // 6. FakeMedia: small valid files for the inputs (a face, a mask, an MP4 clip).
        var face = ModalMedia.FromBytes(FakeMedia.Png(64, 64, label: "face"));
        var mask = ModalMedia.FromBytes(FakeMedia.Png(64, 64, label: "mask"));
        var clip = ModalMedia.FromBytes(FakeMedia.Mp4(64, 64, durationMs: 1000));

        var video = await modal.Video.FaceSwapAsync(new VideoFaceSwapRequest { SourceVideo = clip, ReferenceImage = face });
        var edited = await modal.Edit.QwenImageInpaintAsync(new QwenImageInpaintRequest { SourceImage = face, MaskImage = mask, Prompt = "a hat" });

        Assert.Equal("video/mp4", video.MediaType);
        Assert.Equal("image/jpeg", edited.MediaType);          // the inpaint endpoint answers JPEG
        Assert.Equal(2, fake.Journal.TotalGpuRunCount);
    }
}
#endregion
