-- Where the job happens (mobile businesses): the address the customer gave when booking.
-- Checked against BOOKING.serviceArea at booking time; kept on the booking because a
-- customer may book different places (home, office).
ALTER TABLE "bookings" ADD COLUMN "service_address" JSONB;
