namespace Modal.Client.Internal;

/// <summary>
/// Marks a request with <see cref="ModalMedia"/> members: <see cref="ModalContentSerializer"/> writes it as a
/// <see cref="ModalJsonContent"/>, whose data URLs are streamed while the body is sent. A test checks that every request
/// with media members carries the mark.
/// </summary>
internal interface IMediaRequest;
