import type { TIndustryPack } from "../schema";

/** Mobile and shop-based auto detailing. Prices: US 2026, integer cents. */
export const autoDetailingPack = {
  key: "auto-detailing",
  icon: "Car",
  name: { en: "Auto Detailing", es: "Detallado de autos" },
  description: {
    en: "Mobile or shop-based car detailing: washes, interior and exterior details, paint correction and ceramic coatings.",
    es: "Detallado de autos a domicilio o en taller: lavados, detallado interior y exterior, corrección de pintura y recubrimientos cerámicos.",
  },
  exampleBusinessName: { en: "Shine Pros Mobile Detailing", es: "Brillo Total Detallado Móvil" },
  services: [
    {
      key: "express-exterior-wash",
      name: { en: "Express Exterior Wash", es: "Lavado exterior exprés" },
      description: {
        en: "Hand wash, wheel and tire cleaning, tire shine and a spray wax for a quick, clean finish.",
        es: "Lavado a mano, limpieza de rines y llantas, abrillantador de llantas y cera en aerosol para un acabado limpio y rápido.",
      },
      durationMinutes: 45,
      priceCents: 4900,
    },
    {
      key: "interior-detail",
      name: { en: "Interior Detail", es: "Detallado interior" },
      description: {
        en: "Thorough vacuum, steam cleaning of seats and carpets, and wipe-down of the dash, console, door panels and glass.",
        es: "Aspirado a fondo, limpieza a vapor de asientos y alfombras, y limpieza del tablero, la consola, los paneles de las puertas y los vidrios.",
      },
      durationMinutes: 150,
      priceCents: 14900,
    },
    {
      key: "full-detail",
      name: { en: "Full Interior + Exterior Detail", es: "Detallado completo interior y exterior" },
      description: {
        en: "Our most popular package: complete interior detail plus hand wash, clay bar decontamination and a sealant that protects the paint for months.",
        es: "Nuestro paquete más popular: detallado interior completo, más lavado a mano, descontaminación con barra de arcilla (clay bar) y un sellador que protege la pintura por meses.",
      },
      durationMinutes: 210,
      priceCents: 22900,
    },
    {
      key: "paint-correction",
      name: { en: "One-Step Paint Correction", es: "Corrección de pintura en un paso" },
      description: {
        en: "Machine polishing that removes light swirls and water spots and brings back deep gloss. Recommended before a ceramic coating.",
        es: "Pulido a máquina que elimina rayones finos y manchas de agua y le devuelve el brillo profundo a la pintura. Recomendado antes de un recubrimiento cerámico.",
      },
      durationMinutes: 360,
      priceCents: 44900,
    },
    {
      key: "ceramic-coating",
      name: { en: "Ceramic Coating (3-Year)", es: "Recubrimiento cerámico (3 años)" },
      description: {
        en: "Paint decontamination, polish and a professional-grade ceramic coating rated for three years of protection, gloss and easier washing.",
        es: "Descontaminación, pulido y un recubrimiento cerámico de grado profesional con tres años de protección, más brillo y lavados mucho más fáciles.",
      },
      durationMinutes: 480,
      priceCents: 89900,
    },
    {
      key: "headlight-restoration",
      name: { en: "Headlight Restoration", es: "Restauración de faros" },
      description: {
        en: "Sanding, polishing and UV sealing of cloudy or yellowed headlights for better looks and safer night driving.",
        es: "Lijado, pulido y sellado UV de faros opacos o amarillentos, para que se vean mejor y usted maneje más seguro de noche.",
      },
      durationMinutes: 60,
      priceCents: 8900,
    },
    {
      key: "engine-bay-cleaning",
      name: { en: "Engine Bay Cleaning", es: "Limpieza del compartimiento del motor" },
      description: {
        en: "Careful degreasing and low-pressure rinse of the engine bay, finished with a non-greasy plastic and rubber dressing.",
        es: "Desengrasado cuidadoso y enjuague a baja presión del compartimiento del motor, con un acabado protector para plásticos y hules que no deja grasa.",
      },
      durationMinutes: 45,
      priceCents: 6900,
    },
    {
      key: "pet-hair-removal",
      name: { en: "Pet Hair Removal (Add-On)", es: "Eliminación de pelo de mascota (adicional)" },
      description: {
        en: "Extra time and tools to pull embedded pet hair out of carpets, seats and cargo areas. Added to any interior service.",
        es: "Tiempo y herramientas adicionales para sacar el pelo de mascota incrustado en alfombras, asientos y cajuela. Se agrega a cualquier servicio interior.",
      },
      durationMinutes: 45,
      priceCents: 4900,
    },
    {
      key: "odor-elimination",
      name: { en: "Odor Elimination (Ozone Treatment)", es: "Eliminación de olores (tratamiento con ozono)" },
      description: {
        en: "An ozone treatment that neutralizes smoke, pet and food odors at the source instead of covering them up.",
        es: "Un tratamiento con ozono que neutraliza de raíz los olores a cigarro, mascotas y comida, en lugar de solo disimularlos.",
      },
      durationMinutes: 90,
      priceCents: 9900,
    },
  ],
  faq: [
    {
      question: { en: "Do you come to me?", es: "¿Ustedes vienen a mi domicilio?" },
      answer: {
        en: "Yes. We are fully mobile and come to your home or workplace anywhere in our service area. Just tell us the address when you book.",
        es: "Sí. Somos un servicio completamente móvil y vamos a su casa o a su trabajo dentro de nuestra zona de servicio. Solo indíquenos la dirección al hacer su cita.",
      },
    },
    {
      question: { en: "Do I need to provide water or electricity?", es: "¿Necesito darles agua o electricidad?" },
      answer: {
        en: "No. We bring our own water, power and supplies. We only need a spot where we can park next to your vehicle. If you live in an apartment or an HOA, please check that on-site washing is allowed.",
        es: "No. Llevamos nuestra propia agua, electricidad y productos. Solo necesitamos un lugar para estacionarnos junto a su vehículo. Si vive en un apartamento o en una comunidad con HOA, le pedimos que confirme que se permite lavar autos en el lugar.",
      },
    },
    {
      question: { en: "How should I prepare my car?", es: "¿Cómo debo preparar mi auto?" },
      answer: {
        en: "Please remove personal items, car seats and valuables before we arrive so we can clean every surface. We are not responsible for items left in the vehicle.",
        es: "Le pedimos que retire sus objetos personales, sillas para niños y artículos de valor antes de que lleguemos, para poder limpiar todas las superficies. No nos hacemos responsables por objetos que se queden en el vehículo.",
      },
    },
    {
      question: { en: "What happens if it rains?", es: "¿Qué pasa si llueve?" },
      answer: {
        en: "If rain is in the forecast we will reach out to reschedule at no charge. Interior-only services can usually go ahead under a carport or in a garage.",
        es: "Si el pronóstico indica lluvia, nos comunicaremos con usted para cambiar la cita sin costo. Los servicios solo de interior normalmente se pueden hacer bajo techo o en una cochera.",
      },
    },
    {
      question: { en: "How long does a detail take?", es: "¿Cuánto tarda un detallado?" },
      answer: {
        en: "An express wash takes about 45 minutes, a full interior and exterior detail three to four hours, and a ceramic coating most of a day. Heavily soiled vehicles can take longer.",
        es: "Un lavado exprés tarda unos 45 minutos, un detallado completo interior y exterior de tres a cuatro horas, y un recubrimiento cerámico casi todo el día. Los vehículos muy sucios pueden tardar más.",
      },
    },
    {
      question: { en: "How do I pay?", es: "¿Cómo puedo pagar?" },
      answer: {
        en: "We accept all major credit and debit cards, Apple Pay and Google Pay. Payment is due when the service is finished.",
        es: "Aceptamos las principales tarjetas de crédito y débito, Apple Pay y Google Pay. El pago se realiza al terminar el servicio.",
      },
    },
    {
      question: { en: "What is your cancellation policy?", es: "¿Cuál es su política de cancelación?" },
      answer: {
        en: "You can cancel or reschedule for free up to 24 hours before your appointment. Later cancellations may carry a small fee, since we have reserved that time for you.",
        es: "Puede cancelar o cambiar su cita sin costo hasta 24 horas antes. Las cancelaciones de último momento pueden tener un pequeño cargo, ya que reservamos ese tiempo para usted.",
      },
    },
    {
      question: { en: "Is there a guarantee?", es: "¿Tienen garantía?" },
      answer: {
        en: "Yes. If something does not look right, tell us within 48 hours and we will come back to fix it at no cost.",
        es: "Sí. Si algo no quedó bien, avísenos dentro de las 48 horas siguientes y regresamos a corregirlo sin costo.",
      },
    },
  ],
  customerFields: [{ key: "vehicles", label: { en: "Vehicles", es: "Vehículos" }, type: "list" }],
  config: {
    HOURS: {
      weekly: {
        mon: [{ open: "08:00", close: "18:00" }],
        tue: [{ open: "08:00", close: "18:00" }],
        wed: [{ open: "08:00", close: "18:00" }],
        thu: [{ open: "08:00", close: "18:00" }],
        fri: [{ open: "08:00", close: "18:00" }],
        sat: [{ open: "08:00", close: "16:00" }],
        sun: [],
      },
    },
    AI: {
      persona: {
        en: "A warm, upbeat and concise assistant for a mobile auto detailing business. It knows the difference between a wash, a full detail, paint correction and a ceramic coating, and helps customers pick the right service for their vehicle. It only quotes prices from the service list, never invents them, and always offers to book a time. When it is unsure or the request is unusual, it takes a message and hands the conversation to a team member.",
        es: "Un asistente cálido, positivo y conciso para un negocio de detallado móvil de autos. Conoce la diferencia entre un lavado, un detallado completo, una corrección de pintura y un recubrimiento cerámico, y ayuda a cada cliente a elegir el servicio adecuado para su vehículo. Solo da precios de la lista de servicios, nunca los inventa, y siempre ofrece agendar una cita. Cuando tiene dudas o la solicitud es poco común, toma un mensaje y pasa la conversación a una persona del equipo.",
      },
      greeting: {
        en: "Thanks for calling {{businessName}}! I can help you book a wash or detail, or answer any questions. What can I do for you today?",
        es: "¡Gracias por llamar a {{businessName}}! Con gusto le ayudo a agendar un lavado o detallado, o a resolver sus dudas. ¿En qué le puedo ayudar hoy?",
      },
      tone: "FRIENDLY",
    },
    SITE: {
      headline: { en: "Showroom shine, right in your driveway", es: "Brillo de agencia, en la puerta de su casa" },
      tagline: {
        en: "Mobile car detailing that comes to you: washes, full details and ceramic coatings.",
        es: "Detallado de autos a domicilio: lavados, detallado completo y recubrimientos cerámicos.",
      },
      about: {
        en: "{{businessName}} brings professional detailing to your home or office. We bring our own water, power and premium products, so all you have to do is hand us the keys.",
        es: "{{businessName}} lleva el detallado profesional a su casa o a su oficina. Llevamos nuestra propia agua, electricidad y productos de primera calidad; usted solo tiene que darnos las llaves.",
      },
      primaryColor: "#1D4ED8",
      blocks: ["hero", "services", "gallery", "reviews", "about", "loyalty", "faq", "hours", "contact"],
    },
    LOYALTY: {
      pointsPerDollar: 1,
      welcomeBonusPoints: 50,
      rewardThresholdPoints: 500,
      rewardDescription: { en: "$40 off your next detail", es: "$40 de descuento en su próximo detallado" },
    },
  },
} satisfies TIndustryPack;
