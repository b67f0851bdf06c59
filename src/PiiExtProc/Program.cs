using PiiExtProc.Cli;

return await PiiExtProcCommandLine.Create().Parse(args).InvokeAsync();
