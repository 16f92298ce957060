-- A page of AI systems. {filter}, {keyset} and {order_by} are filled in by the store from the
-- allow-listed filter translator and keyset builder (libs/api); every value is bound: $1 shows
-- deleted systems, $2 is the limit, $3.. the filter and cursor values.
SELECT * FROM ai_system_rows
WHERE ($1::boolean OR delete_time IS NULL) AND ({filter}) AND ({keyset})
ORDER BY {order_by}
LIMIT $2::integer
