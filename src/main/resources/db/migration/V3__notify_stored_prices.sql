-- Every stored price is announced on the channel index_price with its ticker as payload, delivered at commit to every
-- connection that LISTENs: each replica drops its cached /last answer for that ticker at once (PriceNotifications).
-- PostgreSQL folds identical notifications of one transaction into one, so a bulk insert announces each ticker once.
CREATE FUNCTION notify_stored_price() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('index_price', NEW.ticker);
    RETURN NULL;
END;
$$;

CREATE TRIGGER index_price_notify
    AFTER INSERT OR UPDATE ON index_price
    FOR EACH ROW EXECUTE FUNCTION notify_stored_price();
