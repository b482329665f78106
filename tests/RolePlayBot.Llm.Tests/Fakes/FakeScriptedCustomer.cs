using RolePlayBot.Core.Customers;

namespace RolePlayBot.Llm.Tests.Fakes;

/// <summary>Stands in for the scripted customer: answers one fixed line and records what it was given.</summary>
internal sealed class FakeScriptedCustomer : ICustomerEngine
{
    public const string Line = "在吗？我还在等你们的答复。";

    public List<CustomerContext> Contexts { get; } = [];

    public Task<CustomerMessage> NextAsync(CustomerContext context, CancellationToken cancellationToken = default)
    {
        Contexts.Add(context);
        return Task.FromResult(new CustomerMessage(Line, CustomerMessage.Scripted));
    }
}
