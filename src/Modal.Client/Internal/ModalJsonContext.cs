using System.Text.Json.Serialization;

namespace Modal.Client.Internal;

/// <summary>
/// The one serialization context: every wire type, snake_case names, nulls omitted (the servers break on explicit
/// <c>null</c>, contract §2.1). No reflection-based serialization anywhere.
/// </summary>
/// <remarks>
/// Serialization only: requests are written, never read, so the generator emits one straight-line writer per request
/// (its fast path) and no property metadata. That also keeps a process's first call from compiling System.Text.Json's
/// metadata generics for every nullable number type (about 190 methods under JIT). A C# <c>required</c> member that is
/// written under other names (<c>Lora</c> as <c>lora_id</c>/<c>lora_name</c>) needs no setter here.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(FluxSchnellRequest))]
[JsonSerializable(typeof(FluxDevRequest))]
[JsonSerializable(typeof(FluxDevLoraRequest))]
[JsonSerializable(typeof(SdxlTurboRequest))]
[JsonSerializable(typeof(SdxlLightningRequest))]
[JsonSerializable(typeof(QwenImage2512Request))]
[JsonSerializable(typeof(QwenImage2512FastRequest))]
[JsonSerializable(typeof(QwenImage2512LoraRequest))]
[JsonSerializable(typeof(ZImageSimpleRequest))]
[JsonSerializable(typeof(ZImageDanrisiRequest))]
[JsonSerializable(typeof(ZImageLoraRequest))]
[JsonSerializable(typeof(SdxlInstantIdRequest))]
[JsonSerializable(typeof(FluxPulidRequest))]
[JsonSerializable(typeof(FluxIpAdapterFaceIdRequest))]
[JsonSerializable(typeof(Wan26Request))]
[JsonSerializable(typeof(Wan26R2VRequest))]
[JsonSerializable(typeof(Wan26LoraRequest))]
[JsonSerializable(typeof(VideoFaceSwapRequest))]
[JsonSerializable(typeof(SeedVr2Request))]
[JsonSerializable(typeof(QwenImageEditRequest))]
[JsonSerializable(typeof(QwenImageInpaintRequest))]
internal sealed partial class ModalJsonContext : JsonSerializerContext;
