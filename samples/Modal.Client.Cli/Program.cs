return await Modal.Client.Cli.CliApp.RunAsync(args, Console.Out, Console.Error);
