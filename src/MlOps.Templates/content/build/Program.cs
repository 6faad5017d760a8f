return await MlOps.Build.Host.BuildHost.RunAsync(args);
