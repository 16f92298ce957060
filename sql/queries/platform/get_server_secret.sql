-- A secret shared by all replicas, hex-encoded.
SELECT encode(airr_server_secret($1), 'hex')
