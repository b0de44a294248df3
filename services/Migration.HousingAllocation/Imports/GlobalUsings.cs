// A run of one of the housing service's import jobs: the shared machinery's, over the service's job document.
global using ImportRun = Migration.ServiceDefaults.Importing.ImportRun<Migration.HousingAllocation.Importing.ImportJob>;
