// Whole-program tests spend much of their time waiting on a child process (a build, a server's start, Docker):
// two fixtures at a time keep both cores busy. Each test owns its temporary repository, ports and names.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
