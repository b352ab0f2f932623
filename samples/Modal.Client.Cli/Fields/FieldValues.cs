using System.CommandLine;

namespace Modal.Client.Cli.Fields;

/// <summary>The values of one endpoint command's field options, typed, with the media files already read.</summary>
internal sealed class FieldValues(
    ParseResult parse,
    IReadOnlyDictionary<string, Option> optionsByWireName,
    IReadOnlyDictionary<string, IReadOnlyList<ModalMedia>> media)
{
    public string? Text(FieldSpec field) => Get<string>(field);

    public int? Int(FieldSpec field) => Get<int?>(field);

    public double? Number(FieldSpec field) => Get<double?>(field);

    public bool? Flag(FieldSpec field) => Get<bool?>(field);

    public long? Seed() => Get<long?>(Field.Seed);

    public SdxlCheckpoint? Checkpoint() => Get<SdxlCheckpoint?>(Field.SdxlCheckpoint);

    public QwenAspectRatio? AspectRatio() => Get<QwenAspectRatio?>(Field.AspectRatio);

    public InstantIdFaceProvider? InstantIdFaceProvider() => Get<InstantIdFaceProvider?>(Field.InstantIdFaceProvider);

    public IpAdapterFaceProvider? IpAdapterFaceProvider() => Get<IpAdapterFaceProvider?>(Field.IpAdapterFaceProvider);

    public ComfySampler? Sampler() => Get<ComfySampler?>(Field.Sampler);

    public ComfyScheduler? Scheduler() => Get<ComfyScheduler?>(Field.Scheduler);

    /// <summary>The LoRA from <c>--lora-id</c> or <c>--lora-name</c> (the command's validator makes sure exactly one is given).</summary>
    public LoraReference Lora() =>
        Get<LoraReference>(Field.LoraId) ?? Get<LoraReference>(Field.LoraName)
        ?? throw new InvalidOperationException("Neither --lora-id nor --lora-name was given.");

    /// <summary>The media file of a required media option.</summary>
    public ModalMedia Media(FieldSpec field) => media[field.WireName][0];

    /// <summary>The media files of a repeatable media option.</summary>
    public IReadOnlyList<ModalMedia> MediaList(FieldSpec field) => media[field.WireName];

    private T? Get<T>(FieldSpec field) =>
        optionsByWireName.TryGetValue(field.WireName, out var option)
            ? parse.GetValue((Option<T>)option)
            : throw new InvalidOperationException($"The command has no {field.OptionName} option.");
}
