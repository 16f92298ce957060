-- A page of incidents. {filter}, {keyset} and {order_by} are filled in by the store from the
-- allow-listed filter translator and keyset builder (libs/api); every value is bound: $1 is the
-- limit, $2.. the filter and cursor values.
SELECT * FROM incident_rows
WHERE ({filter}) AND ({keyset})
ORDER BY {order_by}
LIMIT $1::integer
