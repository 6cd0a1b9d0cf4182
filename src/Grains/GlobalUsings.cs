global using Orleans;
global using Orleans.Runtime;
global using Orleans.Streams;
global using Retail.Grains.Abstractions;
global using Retail.Grains.Abstractions.Events;
global using Retail.Grains.Abstractions.Variants;
