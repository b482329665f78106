using Npgsql;
using RolePlayBot.Storage.Ado;
using RolePlayBot.Storage.Postgres;

namespace RolePlayBot.Storage.Tests;

/// <summary>
/// The contract on a real PostgreSQL server: <c>RPB_TEST_POSTGRES</c> names it (./test.sh starts a throwaway one), and
/// each test gets a database of its own, dropped afterwards. Without the variable these tests fail rather than skip.
/// </summary>
public sealed class PostgresTrainingStoreTests : TrainingStoreContract
{
    public const string Variable = "RPB_TEST_POSTGRES";

    private readonly string database = "rpb_test_" + Guid.NewGuid().ToString("N");
    private NpgsqlConnectionStringBuilder? server;

    protected override async Task CreateDatabaseAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL contract tests cannot run. Run ./test.sh, which starts a " +
                $"throwaway PostgreSQL server and sets it, or set {Variable} to a Npgsql connection string of a server " +
                "where the user may create databases, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");
        }

        server = new NpgsqlConnectionStringBuilder(connectionString);
        await AdminAsync($"CREATE DATABASE {database}");
    }

    protected override async Task DropDatabaseAsync()
    {
        if (server is not null)
        {
            await AdminAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    protected override AdoTrainingStore CreateStore() =>
        new PostgresTrainingStore(new NpgsqlConnectionStringBuilder(server!.ConnectionString) { Database = database }.ConnectionString);

    // The database name is generated here, never input; identifiers cannot be parameters.
    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server!.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
