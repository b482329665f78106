using System.Runtime.CompilerServices;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>
/// Every host a test starts gets a database of its own unless the test names one: without this, all the
/// WebApplicationFactory hosts would share rpb.db beside the Bot project and see each other's conversations.
/// </summary>
internal static class PrivateDatabasePerHost
{
    [ModuleInitializer]
    internal static void UsePrivateDatabases()
    {
        if (Environment.GetEnvironmentVariable("Storage__ConnectionString") is null)
        {
            Environment.SetEnvironmentVariable("Storage__ConnectionString", ":memory:");
        }
    }
}
