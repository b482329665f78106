using Npgsql;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>
/// A fresh database on the PostgreSQL server named by RPB_TEST_POSTGRES (./test.sh starts one and sets it), dropped
/// afterwards. Without the variable the test fails: several bot instances are exactly what SQLite cannot show.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "RPB_TEST_POSTGRES";

    private string _server = "";
    private string _name = "";

    public StorageOptions Options { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: run ./test.sh, which starts a throwaway PostgreSQL server, or set {Variable} to a Npgsql connection string of a server where databases may be created.");
        _name = $"rpb_wire_{Guid.NewGuid():n}";
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        Options = new StorageOptions { Provider = "postgres", ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString };
    }

    public async Task DisposeAsync()
    {
        if (_name.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
