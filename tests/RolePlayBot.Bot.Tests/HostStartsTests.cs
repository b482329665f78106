using Microsoft.AspNetCore.Mvc.Testing;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Bot.Tests;

public sealed class HostStartsTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public void The_host_loads_the_shipped_personas()
    {
        var catalog = factory.Services.GetService(typeof(PersonaCatalog)) as PersonaCatalog;

        Assert.NotNull(catalog);
        Assert.True(catalog.All.Count >= 13);
        Assert.Empty(catalog.Errors);
    }
}
