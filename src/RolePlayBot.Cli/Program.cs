using RolePlayBot.Cli;

return await RpbCommands.Build().Parse(args).InvokeAsync();
