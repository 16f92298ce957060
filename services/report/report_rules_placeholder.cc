// SCAFFOLD: keeps airr_report_rules non-empty until the first rule file lands; removed then.
