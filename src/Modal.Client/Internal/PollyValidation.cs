using System.Runtime.CompilerServices;
using Polly;

namespace Modal.Client.Internal;

/// <summary>
/// Lets the SDK's pipeline builders skip Polly's DataAnnotations check of each strategy's options. Polly validates the
/// options of every strategy added to a builder through <c>System.ComponentModel.DataAnnotations.Validator</c>:
/// reflection over the options type by way of <c>TypeDescriptor</c>, which loads System.ComponentModel.Annotations,
/// System.ComponentModel.TypeConverter and System.ObjectModel into the process (about 20 ms of a cold start and 2 to 4
/// MiB of resident memory, measured with build/cold-start.sh and build/steady-memory.sh). The SDK builds those options
/// only from <see cref="ModalClientOptions"/>, which <see cref="ModalClientOptionsValidator"/> has already checked
/// against the same ranges (a test builds the policies with Polly's own validation from the extremes that validator
/// accepts), so the check would never fail.
/// </summary>
/// <remarks>
/// Polly's <c>Validator</c> property has a <c>private protected</c> setter; <see cref="UnsafeAccessorAttribute"/> names it
/// (resolved by the runtime and by Native AOT's compiler, no reflection). Should a Polly version rename it, the accessor
/// throws <see cref="MissingMemberException"/> and the builder keeps Polly's validation: slower to start, equally
/// correct. A test fails on such a version, so the loss would be noticed.
/// </remarks>
internal static class PollyValidation
{
    private static readonly Action<object> Accept = static _ => { };

    /// <summary>Makes <paramref name="builder"/> accept its strategies' options unchecked; false when Polly's own check stays.</summary>
    public static bool TrySkipDataAnnotations(ResiliencePipelineBuilderBase builder)
    {
        try
        {
            // Action<object> is an Action<ResilienceValidationContext> by contravariance, so Polly calls it as its own.
            SetValidator(builder, Accept);
            return true;
        }
        catch (Exception ex) when (ex is MissingMemberException or TypeLoadException)
        {
            return false;
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Validator")]
    private static extern void SetValidator(
        ResiliencePipelineBuilderBase builder,
        [UnsafeAccessorType("System.Action`1[[Polly.ResilienceValidationContext, Polly.Core]], System.Private.CoreLib")] object validator);
}
