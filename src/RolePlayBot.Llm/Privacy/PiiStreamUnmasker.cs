namespace RolePlayBot.Llm.Privacy;

/// <summary>
/// Restores placeholders in a streamed answer, where "[MOB" may end one chunk and "ILE_1]" start the next: a trailing
/// "[" that could still become a placeholder is held back until the next chunk (or the end) decides it.
/// </summary>
public sealed class PiiStreamUnmasker(PiiVault vault)
{
    private string _pending = "";

    /// <summary>The part of the stream so far that can be shown, restored.</summary>
    public string Push(string chunk)
    {
        var text = _pending + chunk;
        var open = text.LastIndexOf('[');
        if (open >= 0 && text.IndexOf(']', open) < 0 && text.Length - open < PiiVault.MaxPlaceholderLength)
        {
            _pending = text[open..];
            return vault.Unmask(text[..open]);
        }

        _pending = "";
        return vault.Unmask(text);
    }

    /// <summary>Whatever was held back, at the end of the stream.</summary>
    public string Flush()
    {
        var rest = vault.Unmask(_pending);
        _pending = "";
        return rest;
    }
}
