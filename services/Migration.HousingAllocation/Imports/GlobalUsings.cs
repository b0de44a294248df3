// The housing service's import jobs: the shared machinery's documents and runs, over the housing service's kinds of import.
global using ImportJob = Migration.ServiceDefaults.Importing.ImportJob<Migration.HousingAllocation.Importing.ImportKind>;
global using ImportJobResponse = Migration.ServiceDefaults.Importing.ImportJobResponse<Migration.HousingAllocation.Importing.ImportKind>;
global using ImportRun = Migration.ServiceDefaults.Importing.ImportRun<Migration.ServiceDefaults.Importing.ImportJob<Migration.HousingAllocation.Importing.ImportKind>>;
global using ImportStatus = Migration.ServiceDefaults.Importing.ImportStatus;
