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
        var counts = new Counts();
        var batch = new List<Task<(string Text, LineKind Kind)>>(parallelism);
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
                await FlushAsync(batch, output, counts);
            }
        }

        await FlushAsync(batch, output, counts);
        await output.FlushAsync(cancellationToken);
        return new BatchSummary(counts.Evaluated, counts.Errors, counts.FellBack);
    }

    private static async Task FlushAsync(List<Task<(string Text, LineKind Kind)>> batch, TextWriter output, Counts counts)
    {
        foreach (var task in batch)
        {
            var (text, kind) = await task;
            switch (kind)
            {
                case LineKind.Error:
                    counts.Errors++;
                    break;
                case LineKind.FellBack:
                    counts.Evaluated++;
                    counts.FellBack++;
                    break;
                default:
                    counts.Evaluated++;
                    break;
            }

            await output.WriteLineAsync(text);
        }

        batch.Clear();
    }

    private async Task<(string Text, LineKind Kind)> EvaluateLineAsync(string line, int lineNumber, CancellationToken cancellationToken)
    {
        BatchInput? input;
        try
        {
            input = JsonSerializer.Deserialize<BatchInput>(line, RpbJson.Compact);
        }
        catch (JsonException ex)
        {
            return Failed(lineNumber, null, $"not valid JSON: {ex.Message}");
        }

        if (input is null)
        {
            return Failed(lineNumber, null, "expected a JSON object");
        }

        var missing = new[] { ("id", input.Id), ("reply", input.Reply) }.Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToList();
        if (missing.Count > 0)
        {
            return Failed(lineNumber, input.Id, $"missing field(s): {string.Join(", ", missing)}");
        }

        var locale = Locales.Normalize(input.Locale);
        Persona? persona = null;
        if (!string.IsNullOrWhiteSpace(input.Persona))
        {
            persona = findPersona(input.Persona, locale);
            if (persona is null)
            {
                return Failed(lineNumber, input.Id, $"unknown persona '{input.Persona}'");
            }
        }

        try
        {
            var request = new EvaluationRequest(input.Reply!, input.Customer ?? "", locale, persona);
            var result = await evaluator.EvaluateAsync(request, cancellationToken);
            var judge = JudgeSources.Of(result);
            var text = JsonSerializer.Serialize(new BatchOutput(input.Id!, result.Items, result.Scores, result.Critique, result.SuggestedReply, result.InjectionSuspected, result.Diagnostics, judge), RpbJson.Compact);
            return (text, judge == JudgeSources.Fallback ? LineKind.FellBack : LineKind.Evaluated);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failed(lineNumber, input.Id, $"evaluation failed: {ex.Message}");
        }
    }

    private static (string Text, LineKind Kind) Failed(int line, string? id, string message) =>
        (JsonSerializer.Serialize(new BatchError(line, id, message), RpbJson.Compact), LineKind.Error);

    private sealed record BatchInput(string? Id, string? Locale, string? Customer, string? Reply, string? Persona);

    /// <param name="Judge">Who judged: "model", "rules", or "fallback" when the model gave no usable verdict (see <see cref="JudgeSources"/>).</param>
    private sealed record BatchOutput(
        string Id, IReadOnlyList<Observation> Items, DimensionScores Scores, string Critique, string? SuggestedReply,
        bool InjectionSuspected, IReadOnlyList<string> Diagnostics, string Judge);

    private enum LineKind
    {
        Evaluated,
        FellBack,
        Error,
    }

    private sealed class Counts
    {
        public int Evaluated { get; set; }

        public int Errors { get; set; }

        public int FellBack { get; set; }
    }

    private sealed record BatchError(int Line, string? Id, string Error);
}

/// <param name="FellBack">Of the evaluated lines, those the rules alone judged because the model gave no usable verdict.</param>
public sealed record BatchSummary(int Evaluated, int Errors, int FellBack = 0);
