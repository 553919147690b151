package io.scalegate.evidence;

import io.scalegate.base.Checks;
import java.time.Instant;
import java.time.LocalDate;

/** Quantity a customer ordered in a month; any day of the month stands for the month. */
public record OrderEntry(LocalDate orderMonth, Integer quantity,
		String customer) implements EvidenceEntry<CustomerOrder> {

	@Override
	public EvidenceKind kind() {
		return EvidenceKind.ORDER;
	}

	@Override
	public void check(Checks checks, LocalDate today) {
		if (checks.required("orderMonth", orderMonth) && orderMonth.withDayOfMonth(1).isAfter(today)) {
			checks.fail("orderMonth", "must not be a future month");
		}
		EvidenceEntry.sensible(checks, "orderMonth", orderMonth);
		checks.atLeast("quantity", quantity, 0);
		checks.text("customer", customer, 200);
	}

	@Override
	public CustomerOrder toRow(Long id, long productId, String recordedBy, Instant recordedAt) {
		return new CustomerOrder(id, productId, orderMonth.withDayOfMonth(1), quantity, customer.strip(), recordedBy,
				recordedAt);
	}

	public static OrderEntry of(CustomerOrder order) {
		return new OrderEntry(order.orderMonth(), order.quantity(), order.customer());
	}

}
