namespace RolePlayBot.Core.Customers;

/// <summary>Plays the customer: the scripted offline engine or a model.</summary>
public interface ICustomerEngine
{
    /// <summary>The customer's next message after the trainee's latest reply (or the chaser/closing line the context asks for).</summary>
    Task<CustomerMessage> NextAsync(CustomerContext context, CancellationToken cancellationToken = default);
}
