using Modal.Client.Internal;

namespace Modal.Client.Tests;

/// <summary>The one line a server's error text becomes in an exception message: the key line, bounded, nothing secret.</summary>
public sealed class ServerErrorTextTests
{
    /// <summary>The text <c>execute_workflow</c> ends with when ComfyUI refuses the graph and the <c>comfy run</c> fallback fails too.</summary>
    internal const string ComfyRunFailure =
        "Workflow execution failed (exit code 1)\nStdout: Error running workflow\n"
        + "{\n  \"2\": {\n    \"errors\": [\n      {\n        \"type\": \"value_smaller_than_min\",\n        \"message\": \"Value 64 smaller than min of 256\",\n"
        + "        \"details\": \"width\",\n        \"extra_info\": {\n          \"input_name\": \"width\"\n        }\n      }\n    ],\n"
        + "    \"dependent_outputs\": [\n      \"3\"\n    ],\n    \"class_type\": \"ZImageSampler\"\n  }\n}";

    /// <summary>What <c>execute_workflow_via_api</c> raises: ComfyUI's 400 answer to <c>/prompt</c>, quoted.</summary>
    internal const string QueueFailure =
        "Failed to queue workflow: HTTP 400 - {\"error\": {\"type\": \"prompt_outputs_failed_validation\", \"message\": \"Prompt outputs failed validation\", "
        + "\"details\": \"\", \"extra_info\": {}}, \"node_errors\": {\"1\": {\"errors\": [{\"type\": \"value_bigger_than_max\", \"message\": \"Value 90.0 bigger than max of 60.0\", "
        + "\"details\": \"force_rate\", \"extra_info\": {\"input_name\": \"force_rate\"}}], \"dependent_outputs\": [\"4\"], \"class_type\": \"VHS_LoadVideo\"}}}";

    [Theory]
    [InlineData(ComfyRunFailure, "Workflow execution failed (exit code 1) — ZImageSampler: Value 64 smaller than min of 256: width")]
    [InlineData(QueueFailure, "Failed to queue workflow: HTTP 400 — VHS_LoadVideo: Value 90.0 bigger than max of 60.0: force_rate")]
    [InlineData("Both API and infer methods failed.\nAPI Error: Failed to queue workflow: HTTP 400 - {\"node_errors\": {\"7\": {\"errors\": [{\"type\": \"value_bigger_than_max\", \"message\": \"Value 1.5 bigger than max of 1.0\", \"details\": \"ip_scale\"}], \"class_type\": \"ApplyFluxIPAdapter\"}}}\nInfer Error: Workflow execution failed (exit code 1)",
        "Both API and infer methods failed — ApplyFluxIPAdapter: Value 1.5 bigger than max of 1.0: ip_scale")]
    [InlineData("Workflow execution failed (exit code 1)\nStdout: Error running workflow\n* VHS_LoadVideo 1:\n  - Value 90.0 bigger than max of 60.0 force_rate",
        "Workflow execution failed (exit code 1) — Value 90.0 bigger than max of 60.0: force_rate")]
    [InlineData("Prompt outputs failed validation: Value not in list: provider: 'GPU' not in ['CPU', 'CUDA', 'ROCM', 'CoreML']",
        "Prompt outputs failed validation: Value not in list: provider: 'GPU' not in ['CPU', 'CUDA', 'ROCM', 'CoreML']")]
    [InlineData("SeedVR2 execution failed (API: Failed to queue workflow: HTTP 400 - {\"node_errors\": {\"4\": {\"errors\": [{\"type\": \"value_bigger_than_max\", \"message\": \"Value 4294967296 bigger than max of 4294967295\", \"details\": \"seed\"",
        "SeedVR2 execution failed — Value 4294967296 bigger than max of 4294967295: seed")]
    public void Summarize_ComfyValidationFailure_NamesNodeInputAndLimit(string text, string expected)
        => Assert.Equal(expected, ServerErrorText.Summarize(text));

    [Theory]
    [InlineData("Workflow execution failed (exit code 1)\nStdout: boom", "Workflow execution failed (exit code 1)")]
    [InlineData("'prompt'", "'prompt'")]
    [InlineData("lora_id or lora_name is required", "lora_id or lora_name is required")]
    [InlineData("Workflow failed at node 3 (KSampler): torch.OutOfMemoryError: CUDA out of memory.", "Workflow failed at node 3 (KSampler): torch.OutOfMemoryError: CUDA out of memory.")]
    [InlineData("Both API and infer methods failed.\nAPI Error: ComfyUI returned HTTP 503\nInfer Error: Workflow execution failed (exit code 1)", "Both API and infer methods failed — ComfyUI returned HTTP 503")]
    [InlineData("Workflow execution failed (exit code 1)\nStderr: Traceback (most recent call last):\n  File \"/root/comfy/main.py\", line 12, in run\n    x()\nRuntimeError: CUDA error: device-side assert triggered",
        "Workflow execution failed (exit code 1) — RuntimeError: CUDA error: device-side assert triggered")]
    [InlineData("Traceback (most recent call last):\n  File \"x.py\", line 1\nKeyError: 'prompt'", "KeyError: 'prompt'")]
    [InlineData("modal-http: invalid function call", "modal-http: invalid function call")]
    [InlineData("<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>", "403 Forbidden")]
    [InlineData("<!DOCTYPE html><html><body><h1>Bad   gateway</h1><script>var x = 1;</script></body></html>", "Bad gateway")]
    [InlineData("   ", "")]
    public void Summarize_OtherTexts_KeepsTheInformativeLine(string text, string expected)
        => Assert.Equal(expected, ServerErrorText.Summarize(text));

    [Fact]
    public void Summarize_LongText_IsBoundedWithAnEllipsis()
    {
        var summary = ServerErrorText.Summarize("Workflow failed at node 9 (VAEDecode): " + string.Join(' ', Enumerable.Repeat("overflow", 400)));

        Assert.Equal(ServerErrorText.MaxLength, summary.Length);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_CutInsideASurrogatePair_KeepsTheStringValid()
    {
        var text = new string('é', ServerErrorText.MaxLength - 2) + "😀😀😀";

        var summary = ServerErrorText.Summarize(text);

        Assert.True(summary.Length <= ServerErrorText.MaxLength);
        Assert.False(char.IsHighSurrogate(summary[^2]), summary);
    }

    [Theory]
    [InlineData("Invalid image file: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk", "iVBORw0KGgo")]
    [InlineData("LoadImage: Invalid image file: QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=", "QUJDREVGR0hJSktM")]
    [InlineData("request to https://user:hunter2secret@models.example/x failed", "hunter2secret")]
    [InlineData("auth failed: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("download failed: token=hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123", "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123")]
    [InlineData("proxy refused Modal-Secret: ws-RELIABILITY-SECRET-7f3c9a", "ws-RELIABILITY-SECRET-7f3c9a")]
    [InlineData("HF_TOKEN not valid: hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123", "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123")]
    [InlineData("{\"api_key\": \"sk-live-1234567890abcdefghij\"} rejected", "sk-live-1234567890abcdefghij")]
    public void Summarize_CredentialsOrMedia_AreNeverQuoted(string text, string secret)
    {
        var summary = ServerErrorText.Summarize(text);

        Assert.DoesNotContain(secret, summary, StringComparison.Ordinal);
        Assert.NotEmpty(summary);
    }

    [Fact]
    public void Summarize_AdversarialOrRandomText_NeverThrowsAndStaysBounded()
    {
        var random = new Random(14);
        const string alphabet = "\"{}[]:,\\ \n\tValue bigger than max of 1.0: x message details class_type Error: API Error: <html><title>data:;base64,=+/ab12";
        string[] adversarial =
        [
            string.Concat(Enumerable.Repeat("\"message\": \"Value ", 4000)),
            string.Concat(Enumerable.Repeat("<title>", 8000)),
            "API Error: " + new string('{', 60_000),
            string.Concat(Enumerable.Repeat("Value 1 bigger than max of 0", 2000)),
            new string('(', 30_000) + "{",
        ];
        var texts = adversarial.Concat(Enumerable.Range(0, 200).Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 4000)).Select(_ => alphabet[random.Next(alphabet.Length)])])));

        foreach (var text in texts)
        {
            var summary = ServerErrorText.Summarize(text);
            Assert.True(summary.Length <= ServerErrorText.MaxLength, summary);
        }
    }
}
