namespace RolePlayBot.Core.Customers;

/// <summary>
/// A customer engine that can show its message while it is still being written (a model, token by token), so a
/// channel that streams can put the words on screen before the model has finished. The offline engine answers at
/// once and has nothing to stream, so it does not implement this.
/// </summary>
public interface IStreamingCustomerEngine : ICustomerEngine
{
    /// <summary>
    /// The customer's next message, like <see cref="ICustomerEngine.NextAsync(CustomerContext, CancellationToken)"/>,
    /// reporting the text so far to <paramref name="progress"/> while it grows. Every report is the whole text so far,
    /// not a delta, so a later report may replace an earlier one. The returned message is what counts and may differ
    /// from the last report: when the model fails mid-way, the scripted engine's message replaces the partial text.
    /// </summary>
    Task<CustomerMessage> NextAsync(CustomerContext context, IProgress<string> progress, CancellationToken cancellationToken = default);
}
