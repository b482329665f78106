using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using RolePlayBot.Core.Text;

namespace RolePlayBot.Llm.Privacy;

/// <summary>
/// Hides phone numbers, e-mails, addresses, order numbers and ID card numbers from the model: every text going out is
/// masked with per-call placeholders, and the answer (whole or streamed) is restored before anyone reads it.
/// </summary>
/// <remarks>
/// Everything is masked, the persona's own order facts included. They are fictional training data, but trainers write
/// personas from real cases, and a trainee quoting the persona's order number back must get the same placeholder in the
/// prompt as in the persona, so the model still sees that they match. The answer restores them, so nothing is lost.
/// </remarks>
public sealed class PiiMaskingChatClient(IChatClient innerClient, PiiMaskingOptions options) : DelegatingChatClient(innerClient)
{
    /// <summary>
    /// Ends the instructions of every call, so the model reads a placeholder as the detail it stands for instead of a
    /// gap, an error or something to remark on, and writes it back as is (which is how it is restored). The same words
    /// on every call, so the instructions stay one cacheable prefix.
    /// </summary>
    public const string PlaceholderNote =
        "\n\nPrivate details in this conversation (phone numbers, e-mail addresses, postal addresses, order and tracking "
        + "numbers, ID card numbers) are replaced by placeholders such as [MOBILE_1], [EMAIL_1], [ADDRESS_1], [ORDER_1] or "
        + "[ID_CARD_1]; the same detail always has the same placeholder. Read each one as the real detail it stands for: it "
        + "is not missing, wrong or suspicious, and you need not remark on it. When you mention that detail, write its "
        + "placeholder exactly as it appears.";

    private readonly PiiDetector _detector = new(options);

    // The masked instructions are the same text call after call; one shared copy instead of one per call in flight.
    private readonly CanonicalTexts _maskedInstructions = new(CanonicalTexts.DefaultCapacity);

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var vault = new PiiVault(_detector);
        var response = await base.GetResponseAsync(Mask(messages, vault, _maskedInstructions), options, cancellationToken);
        if (vault.Any)
        {
            foreach (var text in response.Messages.SelectMany(m => m.Contents).OfType<TextContent>())
            {
                text.Text = vault.Unmask(text.Text);
            }
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var vault = new PiiVault(_detector);
        var unmasker = new PiiStreamUnmasker(vault);
        ChatResponseUpdate? last = null;
        await foreach (var update in base.GetStreamingResponseAsync(Mask(messages, vault, _maskedInstructions), options, cancellationToken))
        {
            foreach (var text in update.Contents.OfType<TextContent>())
            {
                text.Text = unmasker.Push(text.Text);
            }

            last = update;
            yield return update;
        }

        var rest = unmasker.Flush();
        if (rest.Length > 0)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, rest) { ResponseId = last?.ResponseId, ModelId = last?.ModelId };
        }
    }

    /// <summary>
    /// Copies of the messages with their text masked and <see cref="PlaceholderNote"/> ending the first system message's
    /// text; the caller's messages are left as they were.
    /// </summary>
    private static List<ChatMessage> Mask(IEnumerable<ChatMessage> messages, PiiVault vault, CanonicalTexts instructions)
    {
        var list = messages.ToList();
        foreach (var text in list.SelectMany(m => m.Contents).OfType<TextContent>())
        {
            vault.Reserve(text.Text);
        }

        var noted = list.FindIndex(m => m.Role == ChatRole.System);
        return list.Select((m, i) =>
        {
            var last = i == noted ? m.Contents.ToList().FindLastIndex(c => c is TextContent) : -1;
            var contents = m.Contents.Select((c, j) => c is TextContent t ? new TextContent(Masked(m.Role, t.Text, j == last)) : c).ToList();
            if (i == noted && last < 0)
            {
                contents.Add(new TextContent(PlaceholderNote.TrimStart()));
            }

            return new ChatMessage(m.Role, contents)
            {
                AuthorName = m.AuthorName,
                MessageId = m.MessageId,
                AdditionalProperties = m.AdditionalProperties,
            };
        }).ToList();

        // The instructions are one shared text per persona: calls in flight hold that copy, not one each.
        string Masked(ChatRole role, string text, bool note)
        {
            var masked = vault.Mask(text);
            return note ? instructions.Canonical(string.Concat(masked, PlaceholderNote))
                : role == ChatRole.System && !ReferenceEquals(masked, text) ? instructions.Canonical(masked) : masked;
        }
    }
}
