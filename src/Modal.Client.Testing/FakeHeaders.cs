namespace Modal.Client.Testing;

/// <summary>Names of the response headers the fake sends besides the contract's.</summary>
public static class FakeHeaders
{
    /// <summary>
    /// <c>Modal-Function-Call-Id</c>: the <c>fc-…</c> id of the call (contract P11). Sent on results, app errors, 303s,
    /// health and E4 answers; not on platform rejections.
    /// </summary>
    public const string FunctionCallId = "Modal-Function-Call-Id";

    /// <summary><c>x-fake-seed</c> (test only): the seed the fake used, including the server default or a random one.</summary>
    public const string Seed = "x-fake-seed";

    /// <summary><c>x-fake-prompt-sha256</c> (test only): lower-case hex SHA-256 of the prompt (or edit instruction) used.</summary>
    public const string PromptSha256 = "x-fake-prompt-sha256";
}
