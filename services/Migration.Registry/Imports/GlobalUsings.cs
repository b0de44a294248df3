// A run of one of the registry's import jobs: the shared machinery's, over the registry's job document.
global using ImportRun = Migration.ServiceDefaults.Importing.ImportRun<Migration.Registry.Importing.ImportJob>;
