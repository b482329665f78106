using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RolePlayBot.Bot.Tests.Browser;

/// <summary>A browser cannot reach TestServer: these start the factory's host on real Kestrel, on a free loopback port.</summary>
public static class KestrelHost
{
    public static Uri StartOnLoopback(this WebApplicationFactory<Program> factory, int port = 0)
    {
        // Listen() rather than UseKestrel(0): the port overload rewrites the server addresses after start and throws.
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }
}
