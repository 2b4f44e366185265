#!/usr/bin/env bash
# Runs once, when the postgres service starts on an empty volume (docker-entrypoint-initdb.d): a billing
# schema with synthetic customers, and a read-only role `scanner` whose password is BILLING_DB_PASSWORD.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v scanner_password="$BILLING_DB_PASSWORD" <<'SQL'
CREATE SCHEMA billing;
CREATE TABLE billing.customers (
  id serial PRIMARY KEY, full_name text, email text, phone text, iban text, last_ip text, created_at timestamp DEFAULT now());
INSERT INTO billing.customers (full_name, email, phone, iban, last_ip)
SELECT (ARRAY['Maria Garcia', 'John Smith', 'Aiko Tanaka', 'Sophie Martin', 'Priya Patel'])[1 + g % 5],
       'customer' || g || '@example.com',
       '+1 415 555 ' || lpad((1000 + g)::text, 4, '0'),
       'DE89 3704 0044 0532 0130 00',
       '203.0.113.' || (g % 250 + 1)
FROM generate_series(1, 200) g;
CREATE TABLE billing.plans (id int PRIMARY KEY, name text, price numeric(8,2));
INSERT INTO billing.plans SELECT g, 'plan-' || g, 9.99 * g FROM generate_series(1, 20) g;
CREATE ROLE scanner LOGIN PASSWORD :'scanner_password';
GRANT USAGE ON SCHEMA billing TO scanner;
GRANT SELECT ON ALL TABLES IN SCHEMA billing TO scanner;
SQL
