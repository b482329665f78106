using System.CommandLine;
using RolePlayBot.Cli;
using RolePlayBot.Core.Checklist;

try
{
    return await RpbCommands.Build().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (ChecklistLoadException e)
{
    // A trainer's mistake in checklist.yaml: file:line: field: problem, not a stack trace.
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (Exception e)
{
    Console.Error.WriteLine($"Unhandled exception: {e}");
    return 1;
}
