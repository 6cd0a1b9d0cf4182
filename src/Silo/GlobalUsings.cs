global using Retail.Grains.Abstractions;
global using Retail.Grains.Abstractions.Events;
global using Retail.ServiceDefaults;
