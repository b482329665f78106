using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RolePlayBot.Core.Prompts;

namespace RolePlayBot.Core.Customers;

/// <summary>
/// A customer played by a chat model from prompts/customer.prompty. A practice turn must never fail because
/// the model did, so any failure (error, timeout, empty answer) hands the same context to the scripted engine.
/// </summary>
public sealed partial class ModelCustomer(IChatClient chatClient, PromptTemplate template, ICustomerEngine fallback) : IStreamingCustomerEngine
{
    public async Task<CustomerMessage> NextAsync(CustomerContext context, CancellationToken cancellationToken = default)
    {
        string failure;
        try
        {
            var prompt = template.Render(CustomerPromptInputs.From(context));
            var response = await chatClient.GetResponseAsync(prompt.Messages, prompt.Options, cancellationToken);
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
            var prompt = template.Render(CustomerPromptInputs.From(context));
            var updates = new List<ChatResponseUpdate>();
            await foreach (var update in chatClient.GetStreamingResponseAsync(prompt.Messages, prompt.Options, cancellationToken))
            {
                updates.Add(update);
                if (update.Text.Length == 0)
                {
                    continue;
                }

                written.Append(update.Text);
                var soFar = Tidy(written.ToString(), context.Persona.Name);
                if (soFar.Length > 0)
                {
                    progress.Report(soFar);
                }
            }

            var text = Tidy(updates.ToChatResponse().Text, context.Persona.Name);
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

    /// <summary>
    /// The customer's next message as text chunks, in order. When the model fails before its first chunk the
    /// scripted engine's message comes as one chunk; a failure mid-stream ends the stream with what arrived.
    /// </summary>
    public async IAsyncEnumerable<string> StreamAsync(CustomerContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<ChatResponseUpdate>? updates = null;
        var any = false;
        string? failure = null;
        try
        {
            var prompt = template.Render(CustomerPromptInputs.From(context));
            updates = chatClient.GetStreamingResponseAsync(prompt.Messages, prompt.Options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                string chunk;
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                    chunk = updates.Current.Text;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = Describe(e);
                    break;
                }
                if (chunk.Length > 0)
                {
                    any = true;
                    yield return chunk;
                }
            }
        }
        finally
        {
            if (updates is not null)
            {
                await updates.DisposeAsync();
            }
        }

        if (!any)
        {
            var message = await FallbackAsync(context, failure ?? "the model's answer was empty", cancellationToken);
            yield return message.Text;
        }
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
