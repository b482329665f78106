using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RolePlayBot.Core.Prompts;
using RolePlayBot.Core.Usage;

namespace RolePlayBot.Core.Customers;

/// <summary>
/// A customer played by a chat model from prompts/customer.prompty. A practice turn must never fail because
/// the model did, so any failure (error, timeout, empty answer) hands the same context to the scripted engine.
/// Every answer's token usage goes to the context's meter.
/// </summary>
/// <param name="history">How much of the chat is quoted word for word; <see cref="HistoryWindow.Default"/> when null.</param>
public sealed partial class ModelCustomer(IChatClient chatClient, PromptTemplate template, ICustomerEngine fallback, HistoryWindow? history = null) : IStreamingCustomerEngine
{
    private readonly HistoryWindow _history = history ?? HistoryWindow.Default;

    public async Task<CustomerMessage> NextAsync(CustomerContext context, CancellationToken cancellationToken = default)
    {
        string failure;
        try
        {
            var prompt = template.Render(CustomerPromptInputs.From(context, _history));
            var response = await chatClient.GetResponseAsync(prompt.Messages, prompt.Options, cancellationToken);
            context.Tokens?.Record(TokenRoles.Customer, response.Usage);
            var text = Tidy(response.Text, context.Persona.Name);
            if (text.Length > 0)
            {
                return new CustomerMessage(text, CustomerMessage.Model);
            }
            failure = "the model's answer was empty";
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failure = Describe(e);
        }
        return await FallbackAsync(context, failure, cancellationToken);
    }

    /// <summary>
    /// The customer's next message from the model's streaming answer, reporting the tidied text so far as it grows.
    /// Any failure, before the first word or mid-way, ends with the scripted engine's whole message: a half sentence
    /// cut off by a dropped connection is not something a customer says, and the channel replaces the partial text.
    /// </summary>
    public async Task<CustomerMessage> NextAsync(CustomerContext context, IProgress<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        string failure;
        var written = new StringBuilder();
        try
        {
            var prompt = template.Render(CustomerPromptInputs.From(context, _history));
            // Only the text and the usage are kept: holding every update (with the SDK's objects under it) for the
            // length of the stream kept each streamed turn's garbage alive long enough to be promoted.
            UsageDetails? usage = null;
            await foreach (var update in chatClient.GetStreamingResponseAsync(prompt.Messages, prompt.Options, cancellationToken))
            {
                foreach (var content in update.Contents)
                {
                    if (content is UsageContent used)
                    {
                        (usage ??= new UsageDetails()).Add(used.Details);
                    }
                }

                var piece = update.Text;
                if (piece.Length == 0)
                {
                    continue;
                }

                written.Append(piece);
                if (progress is IPacedProgress { Ready: false })
                {
                    continue;
                }

                var soFar = Tidy(written.ToString(), context.Persona.Name);
                if (soFar.Length > 0)
                {
                    progress.Report(soFar);
                }
            }

            context.Tokens?.Record(TokenRoles.Customer, usage);
            var text = Tidy(written.ToString(), context.Persona.Name);
            if (text.Length > 0)
            {
                return new CustomerMessage(text, CustomerMessage.Model);
            }

            failure = "the model's answer was empty";
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failure = written.Length > 0 ? $"{Describe(e)} (after {written.Length} characters of the answer)" : Describe(e);
        }
        return await FallbackAsync(context, failure, cancellationToken);
    }

    private async Task<CustomerMessage> FallbackAsync(CustomerContext context, string failure, CancellationToken cancellationToken)
    {
        var scripted = await fallback.NextAsync(context, cancellationToken);
        IReadOnlyList<string> diagnostics = [$"model customer unavailable: {failure}; the scripted customer answered", .. scripted.Diagnostics ?? []];
        return new CustomerMessage(scripted.Text, CustomerMessage.Fallback, diagnostics);
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";

    /// <summary>Models sometimes prefix a speaker label or wrap the line in quotes; a chat message has neither.</summary>
    private static string Tidy(string text, string name)
    {
        text = text.Trim();
        var label = Label().Match(text);
        if (label.Success || text.StartsWith(name + "：", StringComparison.Ordinal) || text.StartsWith(name + ":", StringComparison.Ordinal))
        {
            text = label.Success ? text[label.Length..] : text[(name.Length + 1)..];
            text = text.TrimStart();
        }
        if (text.Length >= 2 && (text[0], text[^1]) is ('"', '"') or ('“', '”') or ('「', '」'))
        {
            text = text[1..^1].Trim();
        }
        return text;
    }

    [GeneratedRegex(@"^(\[[^\]\n]{1,20}\]\s*[:：]?|(顾客（你）|顾客|客户|customer \(you\)|customer)\s*[:：])", RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}
