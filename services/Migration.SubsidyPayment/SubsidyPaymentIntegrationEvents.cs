using Migration.ServiceDefaults.Messaging;
using Migration.SubsidyPayment.Entitlements;
using Migration.SubsidyPayment.Payments;

namespace Migration.SubsidyPayment;

/// <summary>Everything the service publishes: entitlements, payments and budget movements.</summary>
public sealed class SubsidyPaymentIntegrationEvents() : CompositeIntegrationEventMap(new EntitlementIntegrationEvents(), new PaymentIntegrationEvents());
