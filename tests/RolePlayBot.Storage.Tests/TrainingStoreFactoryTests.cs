using RolePlayBot.Storage.Postgres;
using RolePlayBot.Storage.Sqlite;

namespace RolePlayBot.Storage.Tests;

public sealed class TrainingStoreFactoryTests
{
    [Fact]
    public async Task Sqlite_is_the_default_in_rpb_db_beside_the_content_root()
    {
        await using var store = Assert.IsType<SqliteTrainingStore>(TrainingStoreFactory.Create(new StorageOptions(), "/srv/bot"));

        Assert.Equal("/srv/bot/rpb.db", store.DataSource);
    }

    [Theory]
    [InlineData("data/training.db", "/srv/bot/data/training.db")]
    [InlineData("/var/lib/rpb/training.db", "/var/lib/rpb/training.db")]
    [InlineData("Data Source=data/t.db;Cache=Shared", "/srv/bot/data/t.db")]
    public async Task A_sqlite_connection_string_may_be_a_plain_path(string value, string file)
    {
        var options = new StorageOptions { Provider = "SQLite", ConnectionString = value };

        await using var store = Assert.IsType<SqliteTrainingStore>(TrainingStoreFactory.Create(options, "/srv/bot"));

        Assert.Equal(file, store.DataSource);
    }

    [Theory]
    [InlineData("Host=db;Username=rpb;Database=rpb", 32)]
    [InlineData("Host=db;Username=rpb;Database=rpb;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Username=rpb;Database=rpb;maxautoprepare=8", 8)]
    public void Postgres_prepares_its_statements_unless_the_connection_string_says_otherwise(string given, int prepared)
    {
        var used = new Npgsql.NpgsqlConnectionStringBuilder(PostgresTrainingStore.WithAutoPrepare(given));

        Assert.Equal(prepared, used.MaxAutoPrepare);
        Assert.Equal(("db", "rpb"), (used.Host, used.Database));
    }

    [Fact]
    public void Postgres_takes_a_Npgsql_connection_string_and_disposes_synchronously_too()
    {
        var options = new StorageOptions { Provider = "postgres", ConnectionString = "Host=db;Username=rpb;Database=rpb" };

        using var store = Assert.IsType<PostgresTrainingStore>(TrainingStoreFactory.Create(options));
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_clearly()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingStoreFactory.Create(new StorageOptions { Provider = "postgres" }));

        Assert.Contains("Storage:ConnectionString is required", error.Message);
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingStoreFactory.Create(new StorageOptions { Provider = "mysql" }));

        Assert.Contains("Unknown Storage:Provider 'mysql': use 'sqlite'", error.Message);
        Assert.Contains("'postgres'", error.Message);
    }
}
