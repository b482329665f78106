namespace RolePlayBot.Core.Customers;

/// <summary>
/// A receiver of a streaming customer's text so far that says whether it would use a report now. A channel puts the
/// text on screen at most once an interval, yet a model sends a piece every token or two: building the whole text so
/// far for every piece cost more than anything else in a streamed turn (the copies grow with the square of its length).
/// </summary>
public interface IPacedProgress : IProgress<string>
{
    /// <summary>
    /// False while a report would be dropped anyway (a piece of the stream is on its way to the channel, or the
    /// interval since the last one has not passed); the next piece the model sends after it turns true is reported.
    /// </summary>
    bool Ready { get; }
}
