namespace RolePlayBot.Bot.Tests.Faults;

/// <summary>Polls a condition until it holds or a generous deadline passes: no fixed sleeps.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? within = null, Func<string>? context = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}\n{context?.Invoke()}");
            await Task.Delay(25);
        }
    }
}
