using System.Text.Json;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Reports;

/// <summary>
/// `rpb evaluate`: one JSON object per input line ({"id","locale","customer","reply","persona"?}) in, one verdict
/// per line out, in input order. A bad line gets an error line naming it and the run goes on.
/// </summary>
public sealed class BatchEvaluation(IReplyEvaluator evaluator, Func<string, string, Persona?> findPersona, int parallelism = 4)
{
    /// <summary>Evaluates every line of <paramref name="input"/>, writing JSON Lines to <paramref name="output"/>. Returns the number of bad lines.</summary>
    public async Task<BatchSummary> RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken = default)
    {
        var lineNumber = 0;
        var errors = 0;
        var evaluated = 0;
        var batch = new List<Task<string>>(parallelism);
        string? line;
        while ((line = await input.ReadLineAsync(cancellationToken)) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            batch.Add(EvaluateLineAsync(line, lineNumber, cancellationToken));
            if (batch.Count >= parallelism)
            {
                (evaluated, errors) = await FlushAsync(batch, output, evaluated, errors);
            }
        }

        (evaluated, errors) = await FlushAsync(batch, output, evaluated, errors);
        await output.FlushAsync(cancellationToken);
        return new BatchSummary(evaluated, errors);
    }

    private static async Task<(int Evaluated, int Errors)> FlushAsync(List<Task<string>> batch, TextWriter output, int evaluated, int errors)
    {
        foreach (var task in batch)
        {
            var text = await task;
            if (text.StartsWith("{\"line\":", StringComparison.Ordinal))
            {
                errors++;
            }
            else
            {
                evaluated++;
            }

            await output.WriteLineAsync(text);
        }

        batch.Clear();
        return (evaluated, errors);
    }

    private async Task<string> EvaluateLineAsync(string line, int lineNumber, CancellationToken cancellationToken)
    {
        BatchInput? input;
        try
        {
            input = JsonSerializer.Deserialize<BatchInput>(line, RpbJson.Compact);
        }
        catch (JsonException ex)
        {
            return Error(lineNumber, null, $"not valid JSON: {ex.Message}");
        }

        if (input is null)
        {
            return Error(lineNumber, null, "expected a JSON object");
        }

        var missing = new[] { ("id", input.Id), ("reply", input.Reply) }.Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToList();
        if (missing.Count > 0)
        {
            return Error(lineNumber, input.Id, $"missing field(s): {string.Join(", ", missing)}");
        }

        var locale = Locales.Normalize(input.Locale);
        Persona? persona = null;
        if (!string.IsNullOrWhiteSpace(input.Persona))
        {
            persona = findPersona(input.Persona, locale);
            if (persona is null)
            {
                return Error(lineNumber, input.Id, $"unknown persona '{input.Persona}'");
            }
        }

        try
        {
            var request = new EvaluationRequest(input.Reply!, input.Customer ?? "", locale, persona);
            var result = await evaluator.EvaluateAsync(request, cancellationToken);
            return JsonSerializer.Serialize(new BatchOutput(input.Id!, result.Items, result.Scores, result.Critique, result.SuggestedReply, result.InjectionSuspected, result.Diagnostics), RpbJson.Compact);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Error(lineNumber, input.Id, $"evaluation failed: {ex.Message}");
        }
    }

    private static string Error(int line, string? id, string message) =>
        JsonSerializer.Serialize(new BatchError(line, id, message), RpbJson.Compact);

    private sealed record BatchInput(string? Id, string? Locale, string? Customer, string? Reply, string? Persona);

    private sealed record BatchOutput(
        string Id, IReadOnlyList<Observation> Items, DimensionScores Scores, string Critique, string? SuggestedReply,
        bool InjectionSuspected, IReadOnlyList<string> Diagnostics);

    private sealed record BatchError(int Line, string? Id, string Error);
}

public sealed record BatchSummary(int Evaluated, int Errors);
