using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Bot.Storage;
using RolePlayBot.Bot.Tests.DirectLine;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>The real host reading a seeded SQLite file, with one trainer configured and a clock the test moves.</summary>
public sealed class DashboardFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "rpb-dashboard-" + Guid.NewGuid().ToString("N"));
    private ITrainingStore? store;

    public bool LocalDevelopment { get; init; }

    /// <summary>The database (null: a SQLite file of this host's own); give another host's to run a second instance on it.</summary>
    public StorageOptions? Storage { get; init; }

    /// <summary>Whether to write the seed sessions first (false for a second instance on a seeded database).</summary>
    public bool Seed { get; init; } = true;

    /// <summary>Dashboard:SigningKey; several instances need the same one for each other's links.</summary>
    public string? SigningKey { get; init; }

    /// <summary>The database this host uses.</summary>
    public StorageOptions Database => Storage ?? new StorageOptions { ConnectionString = Path.Combine(directory, "rpb.db") };

    internal ManualTime Time { get; } = new();

    public IDashboardLinks Links => Services.GetRequiredService<IDashboardLinks>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        if (Seed)
        {
            store = await DashboardSeed.CreateStoreAsync(Database);
        }
        else
        {
            store = TrainingStoreFactory.Create(Database);
            await store.MigrateAsync();
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects (so 302s can be asserted).</summary>
    public HttpClient Anonymous(string baseAddress = "http://localhost") =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) });

    /// <summary>Signs in the way a user does: open the link, press the button; returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignedInAsync(string userId, string name)
    {
        var client = Anonymous();
        var link = Links.CreateSignInLink(userId, name, "/dashboard");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        var signIn = await client.PostAsync("/dashboard/signin", SignInForm(link));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    public static FormUrlEncodedContent SignInForm(string link) =>
        new([new KeyValuePair<string, string>("token", Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]))]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Dashboard:Trainers:0", DashboardSeed.Trainer);
        builder.UseSetting("Dashboard:LocalDevelopment", LocalDevelopment ? "true" : "false");
        builder.UseSetting("Dashboard:TimeZone", "Asia/Shanghai");
        if (SigningKey is not null)
        {
            builder.UseSetting("Dashboard:SigningKey", SigningKey);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(store!);
            services.AddSingleton<TimeProvider>(Time);
            services.PostConfigure<KeyManagementOptions>(o =>
            {
                if (o.XmlRepository is not TrainingStoreXmlRepository)
                {
                    o.XmlRepository = new MachineLocalKeys();
                }
            });
        });
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: it is in the temp folder anyway.
        }
    }
}
