using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>
/// A key ring only its own host sees, as on a machine of its own. Test hosts in one process would otherwise share the
/// user's default key directory and read each other's cookies whatever the bot configures.
/// </summary>
internal sealed class MachineLocalKeys : IXmlRepository
{
    private readonly ConcurrentQueue<XElement> elements = new();

    public IReadOnlyCollection<XElement> GetAllElements() => [.. elements];

    public void StoreElement(XElement element, string friendlyName) => elements.Enqueue(new XElement(element));
}
