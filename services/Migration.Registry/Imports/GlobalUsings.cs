// The registry's import jobs: the shared machinery's documents and runs, over the registry's kinds of import.
global using ImportJob = Migration.ServiceDefaults.Importing.ImportJob<Migration.Registry.Importing.ImportKind>;
global using ImportJobResponse = Migration.ServiceDefaults.Importing.ImportJobResponse<Migration.Registry.Importing.ImportKind>;
global using ImportRun = Migration.ServiceDefaults.Importing.ImportRun<Migration.ServiceDefaults.Importing.ImportJob<Migration.Registry.Importing.ImportKind>>;
global using ImportStatus = Migration.ServiceDefaults.Importing.ImportStatus;
