// Fixtures run side by side, each in its own database (see DatabaseTest); tests inside a fixture
// run one after another because they share that database.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
