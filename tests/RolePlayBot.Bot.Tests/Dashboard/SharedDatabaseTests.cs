using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Tests.Persistence;
using RolePlayBot.Storage;
using static RolePlayBot.Bot.Tests.Dashboard.DashboardSeed;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>
/// Two dashboard instances on one database, as behind a load balancer without sticky sessions: a browser's requests
/// land on either. The cookie and antiforgery token one issues, the other reads (the Data Protection key ring is in the
/// database); a sign-in link used on one is used up on both (its nonce is in the database).
/// </summary>
public abstract class SharedDatabaseTests : IAsyncLifetime
{
    private const string SigningKey = "a signing key shared by both instances, 32+";
    private DashboardFactory a = null!;
    private DashboardFactory b = null!;

    /// <summary>The database both use; null for a SQLite file (the first instance's).</summary>
    protected abstract Task<StorageOptions?> CreateDatabaseAsync();

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        var database = await CreateDatabaseAsync();
        a = new DashboardFactory { SigningKey = SigningKey, Storage = database };
        await a.InitializeAsync();

        // A starts first and makes the key ring's first key; B starts on the same database and reads it.
        _ = a.Services;
        b = new DashboardFactory { SigningKey = SigningKey, Storage = a.Database, Seed = false };
        await b.InitializeAsync();
        _ = b.Services;
    }

    public async Task DisposeAsync()
    {
        await b.DisposeAsync();
        await a.DisposeAsync();
        await DropDatabaseAsync();
    }

    [Fact]
    public async Task A_link_redeemed_on_one_instance_signs_in_on_both_and_is_used_up_on_both()
    {
        var browser = new CookieContainer();
        using var onA = Client(a, browser);
        using var onB = Client(b, browser);
        var link = a.Links.CreateSignInLink(TraineeA, NameA, a.Links.TraineePath(TraineeA));
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(link)).StatusCode);

        var signIn = await onA.PostAsync("/dashboard/signin", DashboardFactory.SignInForm(link));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/dashboard/trainees/trainee-a")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await onB.GetAsync("/dashboard/trainees/trainee-b")).StatusCode);

        using var otherBrowser = Client(b, new CookieContainer());
        var again = await otherBrowser.PostAsync("/dashboard/signin", DashboardFactory.SignInForm(link));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("已经用过", await again.Content.ReadAsStringAsync());
        Assert.False(again.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherBrowser.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_form_from_one_instance_posts_to_the_other()
    {
        var browser = new CookieContainer();
        using var onA = Client(a, browser);
        using var onB = Client(b, browser);
        var link = b.Links.CreateSignInLink(Trainer, "张老师", "/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, (await onB.PostAsync("/dashboard/signin", DashboardFactory.SignInForm(link))).StatusCode);

        var form = await onA.GetStringAsync("/dashboard/assignments");
        var created = await onB.PostAsync("/dashboard/assignments", AssignmentFormTests.Form(AssignmentFormTests.Token(form),
            ("trainee", TraineeB), ("persona", "wrong-item"), ("due", "2030-01-31"), ("passMark", "66")));

        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var stored = await a.Services.GetRequiredService<ITrainingStore>().AssignmentsAsync(new AssignmentQuery(TraineeId: TraineeB));
        Assert.Contains(stored, p => p.Assignment.PassMark == 66 && p.Assignment.CreatedBy == Trainer);
    }

    [Fact]
    public async Task Both_instances_use_the_one_key_ring_in_the_database()
    {
        var keys = await a.Services.GetRequiredService<ITrainingStore>().DataProtectionKeysAsync();

        var key = Assert.Single(keys);
        Assert.StartsWith("<key ", key.Xml);
    }

    /// <summary>A browser: its cookie jar shared by the clients of both instances, redirects not followed.</summary>
    private static HttpClient Client(DashboardFactory host, CookieContainer browser) =>
        host.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(browser));
}

/// <summary>Both instances on one SQLite file (two processes on one machine).</summary>
public sealed class SharedSqliteFileTests : SharedDatabaseTests
{
    protected override Task<StorageOptions?> CreateDatabaseAsync() => Task.FromResult<StorageOptions?>(null);
}

/// <summary>Both instances on one PostgreSQL database (several machines).</summary>
public sealed class SharedPostgresDatabaseTests : SharedDatabaseTests
{
    private readonly PostgresDatabase database = new();

    protected override async Task<StorageOptions?> CreateDatabaseAsync()
    {
        await database.InitializeAsync();
        return database.Options;
    }

    protected override Task DropDatabaseAsync() => database.DisposeAsync();
}
