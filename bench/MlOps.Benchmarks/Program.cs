using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MlOps.Benchmarks.HashBenchmarks).Assembly).Run(args);
