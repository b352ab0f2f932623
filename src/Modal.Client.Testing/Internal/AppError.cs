namespace Modal.Client.Testing.Internal;

/// <summary>
/// An exception as the Python handler raises it: its class name, its <c>str()</c> and, for FastAPI's
/// <c>HTTPException</c>, the status code and detail.
/// </summary>
internal sealed record AppError(string Type, string Message, int? HttpStatus = null, string? Detail = null)
{
    public static AppError KeyError(string field) => new("KeyError", $"'{field}'");

    public static AppError Value(string message) => new("ValueError", message);

    public static AppError Attribute(string message) => new("AttributeError", message);

    /// <summary><c>HTTPException(status, detail)</c>; its <c>str()</c> is <c>"{status}: {detail}"</c>.</summary>
    public static AppError Http(int status, string detail) => new("HTTPException", $"{status}: {detail}", status, detail);

    /// <summary><c>binascii.Error</c> from <c>base64.b64decode</c>.</summary>
    public static AppError Base64() => new("Error", "Incorrect padding");

    /// <summary><c>PIL.UnidentifiedImageError</c> from <c>Image.open</c> on bytes that are not an image.</summary>
    public static AppError NotAnImage() => new("UnidentifiedImageError", "cannot identify image file <_io.BytesIO object at 0x7f3a2c1b5e90>");
}
