using PiiExtProc.Cli;

var parse = PiiExtProcCommandLine.Create().Parse(args);
var exitCode = await parse.InvokeAsync();

// Usage errors (unknown command, missing or invalid argument) exit with 2, like unusable input (README "Command line").
return parse.Errors.Count > 0 ? 2 : exitCode;
